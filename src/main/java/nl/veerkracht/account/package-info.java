/**
 * The signed-in person's own page: password, language, API tokens. May use: audit, common,
 * security, web.
 */
package nl.veerkracht.account;
