/**
 * The allocation simulator (woonruimteverdeling): lettings, scenarios, their effect on a complex's
 * mix, and the backtest. May use: area, common, corporation, imports, security, web.
 */
package nl.veerkracht.allocation;
