import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

// Headers for everything under /admin. The CSP allows only our own files: no inline
// script or style, no plugins, no framing, no <base>, forms post only to us. Pages are
// personal data, so nothing is cached (browser back/forward cache, proxies).
const headers = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'"],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    frameAncestors: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'self'"],
  },
  xFrameOptions: 'DENY',
  referrerPolicy: 'no-referrer',
  xContentTypeOptions: 'nosniff',
  crossOriginResourcePolicy: 'same-origin',
  crossOriginOpenerPolicy: 'same-origin',
  permissionsPolicy: { camera: [], microphone: [], geolocation: [], payment: [] },
});

export function adminSecurityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await headers(c, next);
    c.res.headers.set('Cache-Control', 'no-store');
  };
}
