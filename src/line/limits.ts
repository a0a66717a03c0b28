// LINE Messaging API limits the app relies on (the emulator keeps its own copy, as LINE would).

/** A text message: at most 5,000 characters, counted in UTF-16 code units (JavaScript's string length). */
export const LINE_TEXT_MAX = 5000;

/** Messages in one reply, push or multicast request. */
export const LINE_MESSAGES_PER_REQUEST = 5;
