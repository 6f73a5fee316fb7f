/** A lab that could not start or stop; the message is one line meant for people, no stack needed. */
export class LabError extends Error {
  override name = 'LabError';
}
