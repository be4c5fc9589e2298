/** The audit trail: who changed what, chained so that a change afterwards shows. May use: cli. */
package nl.veerkracht.audit;
