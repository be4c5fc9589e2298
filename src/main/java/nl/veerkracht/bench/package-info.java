/**
 * The bench command: benchmarks that print their figures (imports, map, atelier, allocation,
 * analysis). May use: allocation, analysis, area, cli, common, corporation, demo, imports, map,
 * security, statistics.
 */
package nl.veerkracht.bench;
