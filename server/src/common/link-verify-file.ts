import type { FastifyInstance } from 'fastify';
import type { AppConfig } from '../config/config';

/**
 * 普通链接二维码 校验文件: WeChat checks that whoever registers `https://<host>/c/` as a prefix
 * that opens the mini-program controls the host, by fetching a file it names from the site root.
 * Its name and content come from configuration; with none configured nothing is served here, and
 * any other `.txt` at the root stays whatever the H5 build has (usually nothing).
 */
export function serveLinkVerifyFile(fastify: FastifyInstance, config: AppConfig): void {
  const file = config.wechatLinkVerify;
  if (!file) return;
  fastify.get(`/${file.fileName}`, (_request, reply) =>
    reply
      .header('content-type', 'text/plain; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(file.content),
  );
}
