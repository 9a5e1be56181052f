/** WeChat needs an absolute, registered origin; set MQLK_API_BASE_URL when building. */
export const API_BASE_URL: string = WEAPP_API_BASE_URL;
