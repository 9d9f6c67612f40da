import http from "node:http";

/**
 * An HTTP proxy on `port` that sends each request to the next of `targets` in turn, as a load
 * balancer in front of serverless instances would: nothing a request needs may live only in
 * the instance that served the one before it.
 */
export function startRoundRobin(port: number, targets: number[]): Promise<http.Server> {
  const agent = new http.Agent({ keepAlive: true });
  let next = 0;
  const server = http.createServer((request, response) => {
    const target = targets[next++ % targets.length];
    const upstream = http.request(
      { host: "127.0.0.1", port: target, method: request.method, path: request.url, headers: request.headers, agent },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.rawHeaders);
        answer.pipe(response);
      },
    );
    upstream.on("error", (error) => {
      if (!response.headersSent) response.writeHead(502, { "content-type": "text/plain" });
      response.end(`The server on port ${target} did not answer: ${error.message}`);
    });
    request.pipe(upstream);
  });
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(server)));
}
