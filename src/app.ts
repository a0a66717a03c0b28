import { Hono } from 'hono';
import type { Deps } from './deps';
import { webhookRoutes } from './routes/webhook';
import { healthRoutes } from './routes/health';
import { adminRoutes } from './routes/admin';

/** The whole app, identical on Workers and Node; extra routes (local tools) are mounted by the door. */
export function createApp(deps: Deps, mount: (app: Hono) => void = () => {}) {
  const app = new Hono();
  app.onError((error, c) => {
    deps.log.error('http.unhandled', { path: c.req.path, error: error.name });
    return c.json({ message: 'internal error' }, 500);
  });
  app.route('/webhook', webhookRoutes(deps));
  app.route('/health', healthRoutes(deps));
  app.route('/admin', adminRoutes(deps));
  mount(app);
  return app;
}
