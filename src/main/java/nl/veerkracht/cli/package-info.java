/** The command line: arguments, the commands and how they are started. May use: nothing. */
package nl.veerkracht.cli;
