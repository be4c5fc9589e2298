/**
 * Woningcorporaties: their records, their administration and the settings that are theirs. May use:
 * audit, common, security.
 */
package nl.veerkracht.corporation;
