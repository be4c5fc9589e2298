/**
 * The administrator's pages: accounts, roles, corporations and the audit trail. May use: audit,
 * common, corporation, security, web.
 */
package nl.veerkracht.admin;
