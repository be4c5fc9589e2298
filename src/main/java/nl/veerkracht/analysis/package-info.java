/**
 * The analysis: the veerkracht signal and attention areas computed per buurt and year, run by run.
 * May use: area, common, database, security, web.
 */
package nl.veerkracht.analysis;
