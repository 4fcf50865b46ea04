/**
 * Whether an invoice may name a payee. Payee ids are well-formed ids (the schema checks that); the
 * payees feature owns whether one exists, and its check is wired here once it gives payees ids.
 */
export type PayeeCheck = (userId: string, payeeId: string) => Promise<void>;

/** For now every well-formed id is accepted: the id is stored with the name snapshot given. */
export const checkPayee: PayeeCheck = async () => {};
