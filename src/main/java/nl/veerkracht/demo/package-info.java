/**
 * The bundled demo: the real open data and a synthetic corporation, loaded at first start. May use:
 * corporation, imports, security.
 */
package nl.veerkracht.demo;
