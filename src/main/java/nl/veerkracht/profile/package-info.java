/**
 * Area and complex profiles: the figures of a buurt or complex for each audience, with their PDF.
 * May use: analysis, area, common, corporation, monitor, security, statistics, stock, web.
 */
package nl.veerkracht.profile;
