/**
 * The database: the embedded PostgreSQL, the pool, row-level security scopes, COPY and time limits
 * per request. May use: nothing.
 */
package nl.veerkracht.database;
