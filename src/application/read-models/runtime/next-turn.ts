/** Resolves after the event loop has run what was waiting: other work gets in between long stretches. */
export const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
