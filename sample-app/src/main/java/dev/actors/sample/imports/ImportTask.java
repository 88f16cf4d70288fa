package dev.actors.sample.imports;

import java.nio.file.Path;

/**
 * What the import actor is asked to do: read one CSV and report on its job.
 *
 * @param job the job, as accepted
 * @param upload the uploaded file, named by the server and deleted once read; {@code null} for the sample CSV
 */
record ImportTask(ImportJob job, Path upload) {
}
