/**
 * What every room shares: refusals that carry a text in the reader's language, messages and the
 * reader's locale. May use: nothing.
 */
package nl.veerkracht.common;
