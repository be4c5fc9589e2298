/**
 * Backups and restores of the database, from the command line and beside the server. May use:
 * audit, cli.
 */
package nl.veerkracht.backup;
