/**
 * Sharing with partners: what a gemeente or tenants' organisation may see of plans and figures. May
 * use: agreement, area, atelier, audit, common, corporation, plan, security, stock, web.
 */
package nl.veerkracht.partner;
