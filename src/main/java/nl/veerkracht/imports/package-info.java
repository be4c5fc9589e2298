/**
 * Imports of public and own data: reading files, checking them whole, writing them all or nothing,
 * history and undo. May use: area, audit, cli, common, corporation, geo, security, statistics, web.
 */
package nl.veerkracht.imports;
