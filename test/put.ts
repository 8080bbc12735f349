import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Client } from './app';

/** PUTs `payload` to `url` as `client` (a test client has get, post, patch and delete, but no put); the answer. */
export function putAs(
  client: Client,
  url: string,
  payload: InjectOptions['payload'],
): Promise<LightMyRequestResponse> {
  return client.request({ method: 'PUT', url, payload });
}
