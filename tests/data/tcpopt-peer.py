#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
# tcpopt-peer.py - the two ends of the connections make-tcpopt.sh captures
# (TCP options the kernel sends: Fast Open, MPTCP, MD5 signatures):
#   tcpopt-peer.py server KIND ADDR PORT [PEER]   echo what each client sends
#   tcpopt-peer.py client KIND ADDR PORT [STEPS [SRC]]  connect from SRC,
#                                                 send, read back
# KIND: tfo, mptcp or md5 (PEER: the address the MD5 key is for).  The
# server answers until killed; the client's STEPS are run in turn:
#   sN: send N bytes and read them back   pN: sleep N/10 s
#   c: close   r: close with an RST (SO_LINGER 0: MPTCP's MP_FASTCLOSE)
import os
import socket
import struct
import sys
import time

TCP_FASTOPEN = 23
TCP_MD5SIG = 14
MSG_FASTOPEN = 0x20000000
KEY = b'nsviz-md5-key'


def family(addr):
    return socket.AF_INET6 if ':' in addr else socket.AF_INET


def md5sig(sock, peer):
    fam = family(peer)
    if fam == socket.AF_INET:
        sa = struct.pack('=HH4s', fam, 0, socket.inet_aton(peer))
    else:
        sa = struct.pack('=HHI16sI', fam, 0, 0,
                         socket.inet_pton(fam, peer), 0)
    opt = sa.ljust(128, b'\0') + struct.pack('=BBHi', 0, 0, len(KEY), 0) + \
        KEY.ljust(80, b'\0')
    sock.setsockopt(socket.IPPROTO_TCP, TCP_MD5SIG, opt)


def new_socket(kind, addr):
    proto = 262 if kind == 'mptcp' else 0      # IPPROTO_MPTCP
    return socket.socket(family(addr), socket.SOCK_STREAM, proto)


def read_n(s, n):
    got = b''
    while len(got) < n:
        b = s.recv(n - len(got))
        if not b:
            break
        got += b
    return got


def server(kind, addr, port, peer=None):
    s = new_socket(kind, addr)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    if kind == 'tfo':
        s.setsockopt(socket.IPPROTO_TCP, TCP_FASTOPEN, 5)
    if kind == 'md5':
        md5sig(s, peer)
    s.bind((addr, port))
    s.listen(5)
    while True:
        c, _ = s.accept()
        if os.fork() == 0:
            s.close()
            try:
                while True:
                    b = c.recv(4096)
                    if not b:
                        break
                    c.sendall(b)
            except OSError:
                pass
            os._exit(0)
        c.close()


def client(kind, addr, port, steps, src=None):
    s = new_socket(kind, addr)
    if src:
        s.bind((src, 0))
    if kind == 'md5':
        md5sig(s, addr)
    first = True
    for st in steps.split(','):
        if st[0] == 's':
            data = b'x' * int(st[1:])
            if first and kind == 'tfo':
                s.sendto(data, MSG_FASTOPEN, (addr, port))
            else:
                if first:
                    s.connect((addr, port))
                s.sendall(data)
            first = False
            read_n(s, len(data))
        elif st[0] == 'p':
            time.sleep(int(st[1:]) / 10)
        elif st == 'r':
            s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                         struct.pack('ii', 1, 0))
            s.close()
        elif st == 'c':
            s.close()


if __name__ == '__main__':
    a = sys.argv[1:]
    if a[0] == 'server':
        server(a[1], a[2], int(a[3]), a[4] if len(a) > 4 else None)
    else:
        client(a[1], a[2], int(a[3]), a[4] if len(a) > 4 else 's6,c',
               a[5] if len(a) > 5 else None)
