/** A cell an import row cannot be read from. */

/** A refused cell: the code and message of the row's rejection, and the column to correct. */
export class CellError extends Error {
  constructor(
    readonly code: string,
    readonly column: string,
    message: string,
  ) {
    super(message);
  }
}
