/**
 * How every stored item is read. Writes keep amounts and totals within ±(2^53 − 1), so numbers read
 * exactly; an item written before that range was enforced may hold a larger one, and it is read as
 * the nearest double rather than failing the read (the SDK's default throws, which would lock a
 * user out of their own accounts). A fresh object each time: the document client writes its own
 * settings into the options it is given.
 */
export const unmarshallOptions = () => ({ wrapNumbers: (text: string) => Number(text) });
