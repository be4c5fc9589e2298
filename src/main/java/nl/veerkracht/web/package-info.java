/**
 * What every page and API answer shares: layout, errors in the reader's language, downloads, PDF
 * and XLSX styles. May use: common, database, security.
 */
package nl.veerkracht.web;
