import { API_BASE_URL } from './config';

/** Photo URLs come back relative to the API origin; WeChat needs them absolute. */
export function assetUrl(url: string): string {
  return /^(https?:|blob:|data:|wxfile:)/.test(url) ? url : `${API_BASE_URL}${url}`;
}
