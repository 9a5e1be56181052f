/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.jpg';
declare module '*.svg';

/** The API origin of the weapp build, from config/index.ts (MQLK_API_BASE_URL). */
declare const WEAPP_API_BASE_URL: string;
declare module '*.scss';

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production' | 'test';
    TARO_ENV: 'weapp' | 'h5';
  }
}
