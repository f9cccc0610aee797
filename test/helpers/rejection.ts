/** Awaits a promise that must reject with one error class, and hands back the error to assert on. */

export async function rejectionOf<E extends Error>(promise: Promise<unknown>, errorClass: new (...args: never[]) => E): Promise<E> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof errorClass)) throw new Error(`expected a ${errorClass.name}, got ${String(error)}`);
  return error;
}
