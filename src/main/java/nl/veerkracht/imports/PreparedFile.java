package nl.veerkracht.imports;

import nl.veerkracht.imports.read.ImportFile;

/** A file of an import run, unpacked from its container, with its SHA-256 checksum. */
record PreparedFile(ImportFile file, String checksum, long size) {}
