// One error type for everything the model refuses, carrying a message that names the record and what to do.

/** A refused document or operation; `message` names the module, the record and the field. */
export class ModelError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ModelError';
  }
}
