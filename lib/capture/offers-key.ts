/** Where captured keys wait in storage.session for the user's answer (offers.ts); apart, so the prompt can watch it without zod. */
export const OFFERS_KEY = 'pendingOffers';
