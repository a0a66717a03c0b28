import { HTTPFetchError, messagingApi } from '@line/bot-sdk';
import type { LineFailureKind, LineMessage, LinePort, LineResult } from './port';

const MONTHLY_LIMIT = /monthly limit/i;

function classifyFailure(error: unknown): Extract<LineResult, { ok: false }> {
  if (!(error instanceof HTTPFetchError)) return { ok: false, kind: 'network_error' };
  const { status, headers, body } = error;
  const requestId = headers.get('x-line-request-id') ?? undefined;
  const retryAfter = Number(headers.get('retry-after'));
  const retryAfterMs = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : undefined;
  let kind: LineFailureKind = 'rejected';
  if (status === 409) kind = 'already_accepted';
  else if (status === 429) kind = MONTHLY_LIMIT.test(body) ? 'monthly_limit' : 'rate_limited';
  else if (status >= 500) kind = 'server_error';
  else if (status === 400 && /reply token/i.test(body)) kind = 'invalid_reply_token';
  return { ok: false, kind, status, requestId, retryAfterMs };
}

async function call(send: () => Promise<{ httpResponse: Response }>): Promise<LineResult> {
  try {
    const { httpResponse } = await send();
    return { ok: true, requestId: httpResponse.headers.get('x-line-request-id') ?? undefined };
  } catch (error) {
    return classifyFailure(error);
  }
}

export function createLineClient(options: { channelAccessToken: string; baseURL: string }): LinePort {
  const api = new messagingApi.MessagingApiClient(options);
  return {
    reply: (replyToken, messages: LineMessage[]) => call(() => api.replyMessageWithHttpInfo({ replyToken, messages })),
    push: (to, messages, retryKey) => call(() => api.pushMessageWithHttpInfo({ to, messages }, retryKey)),
    multicast: (to, messages, retryKey) => call(() => api.multicastWithHttpInfo({ to, messages }, retryKey)),
    async getDisplayName(userId) {
      try {
        return (await api.getProfile(userId)).displayName;
      } catch {
        return null; // a blocked user or a LINE hiccup must not stop the conversation
      }
    },
    async showLoading(userId) {
      try {
        await api.showLoadingAnimation({ chatId: userId, loadingSeconds: 5 });
      } catch {
        // cosmetic only
      }
    },
    async getQuota() {
      // Both settle before we answer, so no request is left running behind the caller.
      const [quota, consumption] = await Promise.allSettled([api.getMessageQuota(), api.getMessageQuotaConsumption()]);
      // Staff then see "could not be checked"; sending does not depend on it.
      if (quota.status === 'rejected' || consumption.status === 'rejected') return null;
      return { limit: quota.value.type === 'limited' ? (quota.value.value ?? 0) : null, used: consumption.value.totalUsage };
    },
  };
}
