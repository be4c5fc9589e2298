/**
 * Werkateliers: preparing, the room (cards, pins, problem areas, votes, blind rounds), the
 * projector, the record and the recognition register. May use: analysis, area, audit, cli, common,
 * corporation, database, geo, map, measure, security, statistics, stock, web.
 */
package nl.veerkracht.atelier;
