/**
 * Sign-in, roles, staff scopes, API tokens and the permission matrix. May use: audit, cli, common,
 * database.
 */
package nl.veerkracht.security;
