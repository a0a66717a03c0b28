import { z } from 'zod';

// Limits follow the Messaging API: text 5,000 UTF-16 units, postback data and displayText 300.
const userId = z.string().regex(/^U[0-9a-f]{32}$/);

export const userIdParam = userId;

export const newResidentBody = z.object({
  displayName: z.string().trim().min(1).max(20),
});

export const sendBody = z.object({
  userId,
  text: z.string().max(5000).refine((t) => t.trim() !== ''),
});

const datetimeParams = z.union([
  z.strictObject({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }),
  z.strictObject({ time: z.string().regex(/^\d{2}:\d{2}$/) }),
  z.strictObject({ datetime: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/) }),
]);

export const postbackBody = z.object({
  userId,
  data: z.string().max(300),
  displayText: z.string().max(300).optional(),
  params: datetimeParams.optional(),
});

export const afterQuery = z.coerce.number().int().min(0).catch(0);
