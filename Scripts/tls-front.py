"""A TLS front for a plaintext gRPC server, as a Spark Connect server sits behind a TLS-terminating
proxy in production. Started by Scripts/spark-server so that seg's TLS path is tested against a real
handshake: it speaks TLS with ALPN h2 on 127.0.0.1:LISTEN and relays the bytes to 127.0.0.1:TARGET.

Usage: python tls-front.py CERT KEY LISTEN TARGET
"""
import asyncio
import ssl
import sys


async def relay(reader, writer):
    try:
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
    except (ConnectionError, asyncio.IncompleteReadError, ssl.SSLError):
        pass
    finally:
        try:
            writer.close()
        except Exception:
            pass


async def main(cert, key, listen, target):
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    context.set_alpn_protocols(["h2"])

    async def serve(client_reader, client_writer):
        try:
            server_reader, server_writer = await asyncio.open_connection("127.0.0.1", target)
        except OSError:
            client_writer.close()
            return
        await asyncio.gather(relay(client_reader, server_writer), relay(server_reader, client_writer))

    server = await asyncio.start_server(serve, "127.0.0.1", listen, ssl=context)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])))
