/** The H5 build is served by the API server itself: calls go to `/api` on the same origin. */
export const API_BASE_URL: string = '';
