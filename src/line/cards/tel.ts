/** A tel: link LINE opens in the phone app (short numbers with a "#" are percent-encoded). */
export const telUri = (number: string) => `tel:${encodeURIComponent(number.replace(/-/g, ''))}`;
