# SPDX-License-Identifier: GPL-2.0-or-later
import struct,sys
def csum(b):
    if len(b)%2: b+=b'\0'
    s=sum(struct.unpack('!%dH'%(len(b)//2),b)); s=(s>>16)+(s&0xffff); s+=s>>16; return (~s)&0xffff
def eth(dst,src,t,p): return bytes.fromhex(dst.replace(':',''))+bytes.fromhex(src.replace(':',''))+struct.pack('!H',t)+p
def ip4(src,dst,proto,p,ttl=64,ident=1,frag=0,tot=None,opts=b''):
    ihl=5+len(opts)//4
    h=struct.pack('!BBHHHBBH4s4s',0x40|ihl,0,tot if tot is not None else 20+len(opts)+len(p),ident,frag,ttl,proto,0,bytes(map(int,src.split('.'))),bytes(map(int,dst.split('.'))))+opts
    return h+p
import socket
def a6(s): return socket.inet_pton(socket.AF_INET6,s)
def ip6(src,dst,nh,p,plen=None,hlim=64): return struct.pack('!IHBB16s16s',0x60000000,plen if plen is not None else len(p),nh,hlim,a6(src),a6(dst))+p
def icmp(t,c,rest,data): return struct.pack('!BBH',t,c,0)+rest+data
def tcp(sp,dp,seq,ack,flags,win,opts=b'',data=b'',urp=0):
    off=(20+len(opts))//4
    return struct.pack('!HHIIBBHHH',sp,dp,seq,ack,off<<4|(flags>>8),flags&0xff,win,0,urp)+opts+data
def udp(sp,dp,data,ulen=None): return struct.pack('!HHHH',sp,dp,ulen if ulen is not None else 8+len(data),0)+data
def arp(op,sha,spa,tha,tpa,htype=1,ptype=0x800,hl=6,pl=4):
    return struct.pack('!HHBBH',htype,ptype,hl,pl,op)+bytes.fromhex(sha.replace(':',''))+bytes(map(int,spa.split('.')))+bytes.fromhex(tha.replace(':',''))+bytes(map(int,tpa.split('.')))
def write(fn,pkts,snap=262144,dlt=1):
    f=open(fn,'wb'); f.write(struct.pack('<IHHiIII',0xa1b2c3d4,2,4,0,0,snap,dlt))
    for i,p in enumerate(pkts):
        if isinstance(p,tuple): p,orig=p
        else: orig=len(p)
        cap=min(len(p),snap)
        f.write(struct.pack('<IIII',1000+i,i*1000,cap,orig)+p[:cap])

# ---- the hand-built cases (see README.md) ----
import os
HERE=os.path.dirname(os.path.abspath(__file__))
ALL=[]

def part_p1():
    M1='02:00:00:00:00:01'; M2='02:00:00:00:00:02'; B='ff:ff:ff:ff:ff:ff'
    P=[]
    E=lambda t,p: eth(M2,M1,t,p)
    # icmp echo
    P.append(E(0x800,ip4('10.0.1.0','10.0.2.0',1,icmp(8,0,struct.pack('!HH',9557,16),b'x'*56))))
    P.append(E(0x800,ip4('10.0.2.0','10.0.1.0',1,icmp(0,0,struct.pack('!HH',9557,16),b'x'*56))))
    inner=ip4('10.0.1.0','10.0.2.1',1,icmp(8,0,struct.pack('!HH',1,1),b'x'*56))
    for code in range(0,16):
        P.append(E(0x800,ip4('10.0.1.0','10.0.1.0',1,icmp(3,code,b'\0\0\0\0',inner[:28]))))
    udpin=ip4('10.0.1.0','10.0.2.1',17,udp(40000,4078,b'hello'))
    P.append(E(0x800,ip4('10.0.2.1','10.0.1.0',1,icmp(3,3,b'\0\0\0\0',udpin))))
    tcpin=ip4('10.0.1.0','10.0.2.1',6,tcp(40000,4078,1,0,2,100))
    P.append(E(0x800,ip4('10.0.2.1','10.0.1.0',1,icmp(3,3,b'\0\0\0\0',tcpin))))
    P.append(E(0x800,ip4('10.0.2.1','10.0.1.0',1,icmp(3,4,b'\0\0\x05\xdc',tcpin))))
    for t,c in [(11,0),(11,1),(5,1),(4,0),(13,0),(14,0),(17,0),(18,0),(9,0),(10,0),(12,0),(15,0),(16,0),(42,0),(99,3)]:
        P.append(E(0x800,ip4('10.0.2.1','10.0.1.0',1,icmp(t,c,b'\0\0\0\0',inner[:28]))))
    # arp
    P.append(eth(B,M1,0x806,arp(1,M1,'10.0.1.0','00:00:00:00:00:00','10.0.2.0')+b'\0'*18))
    P.append(E(0x806,arp(2,M2,'10.0.2.0',M1,'10.0.1.0')))
    P.append(E(0x806,arp(1,M1,'10.0.1.0','00:00:00:00:00:00','10.0.1.0')))
    P.append(E(0x806,arp(3,M1,'10.0.1.0','00:00:00:00:00:00','10.0.1.0')))
    P.append(E(0x806,arp(4,M1,'10.0.1.0',M2,'10.0.1.0')))
    P.append(E(0x806,arp(8,M1,'10.0.1.0',M2,'10.0.1.0')))
    P.append(E(0x806,arp(9,M1,'10.0.1.0',M2,'10.0.1.0')))
    P.append(E(0x806,arp(1,M1,'10.0.1.0',M2,'10.0.1.0',htype=6)))
    P.append(E(0x806,arp(1,M1,'10.0.1.0',M2,'10.0.1.0',ptype=0x86dd)))
    P.append(E(0x806,arp(1,M1,'10.0.1.0',M2,'10.0.1.0')[:20]))
    # udp
    P.append(E(0x800,ip4('10.0.1.0','10.0.2.0',17,udp(40000,4078,b'hello\n'))))
    P.append(E(0x800,ip4('10.0.1.0','10.0.2.0',17,udp(40000,4078,b'hello\n',ulen=100))))
    P.append(E(0x800,ip4('10.0.1.0','10.0.2.0',17,udp(40000,4078,b'hello\n',ulen=4))))
    P.append(E(0x800,ip4('10.0.1.0','10.0.2.0',17,udp(40000,4078,b'hello\n'),tot=100)))
    P.append(E(0x800,ip4('10.0.1.0','10.0.2.0',17,udp(40000,4078,b'hello\n'),tot=10)))
    P.append(E(0x800,ip4('10.0.1.0','10.0.2.0',17,udp(40000,4078,b'hello\n'),frag=0x2000)))
    P.append(E(0x800,ip4('10.0.1.0','10.0.2.0',17,udp(40000,4078,b'hello\n'),frag=0x0010)))
    P.append(E(0x800,ip4('10.0.1.0','10.0.2.0',17,udp(40000,4078,b'hello\n'),frag=0x4000)))
    P.append(E(0x800,ip4('10.0.1.0','10.0.2.0',47,b'abcd')))
    P.append(E(0x800,ip4('10.0.1.0','10.0.2.0',200,b'abcd')))
    P.append(E(0x800,ip4('10.0.1.0','10.0.2.0',17,udp(40000,4078,b'hello\n'),opts=b'\x01\x01\x01\x00')))
    P.append(E(0x1234,b'abcdefgh'*6))
    P.append(E(0x88cc,b'abcdefgh'*6))
    P.append(eth(M2,M1,0x0050,b'\xaa\xaa\x03\0\0\0\x08\x00'+b'x'*40))
    # vlan
    P.append(E(0x8100,struct.pack('!HH',100,0x800)+ip4('10.0.1.0','10.0.2.0',1,icmp(8,0,struct.pack('!HH',1,2),b'x'*56))))
    P.append(E(0x8100,struct.pack('!HH',0x2000|5,0x806)+arp(1,M1,'10.0.1.0','00:00:00:00:00:00','10.0.2.0')))
    P.append(E(0x8100,struct.pack('!HH',0x1000|7,0x8100)+struct.pack('!HH',8,0x800)+ip4('10.0.1.0','10.0.2.0',17,udp(1,2,b'a'))))
    P.append(E(0x88a8,struct.pack('!HH',7,0x8100)+struct.pack('!HH',8,0x800)+ip4('10.0.1.0','10.0.2.0',17,udp(1,2,b'a'))))
    P.append(E(0x8100,struct.pack('!HH',100,0x86dd)+ip6('fe80::1','ff02::1',58,icmp(128,0,struct.pack('!HH',1,1),b'a'*8))))
    P.append(E(0x8100,b'\x00'))
    # truncated
    full=E(0x800,ip4('10.0.1.0','10.0.2.0',1,icmp(8,0,struct.pack('!HH',9557,16),b'x'*56)))
    for n in (0,6,13,14,15,20,33,34,35,37,38,40,41,42):
        P.append((full[:n],len(full)))
    ALL.extend(P)
part_p1()

def part_p2():
    M1='02:00:00:00:00:01'; M2='02:00:00:00:00:02'
    P=[]
    E=lambda t,p: eth(M2,M1,t,p)
    A='10.0.1.0'; Bb='10.0.2.0'
    synopt=struct.pack('!BBH',2,4,1460)+b'\x04\x02'+struct.pack('!BBII',8,10,100,0)+b'\x01'+b'\x03\x03\x07'
    ts=lambda a,b: b'\x01\x01'+struct.pack('!BBII',8,10,a,b)
    P.append(E(0x800,ip4(A,Bb,6,tcp(40000,4078,1000,0,0x002,64240,synopt))))
    P.append(E(0x800,ip4(Bb,A,6,tcp(4078,40000,5000,1001,0x012,65160,synopt))))
    P.append(E(0x800,ip4(A,Bb,6,tcp(40000,4078,1001,5001,0x010,502,ts(101,201)))))
    P.append(E(0x800,ip4(A,Bb,6,tcp(40000,4078,1001,5001,0x018,502,ts(102,201),b'hello\n'))))
    P.append(E(0x800,ip4(Bb,A,6,tcp(4078,40000,5001,1007,0x010,509,ts(202,102)))))
    P.append(E(0x800,ip4(Bb,A,6,tcp(4078,40000,5001,1007,0x018,509,ts(203,102),b'x'*30))))
    P.append(E(0x800,ip4(A,Bb,6,tcp(40000,4078,1007,5031,0x011,502,ts(103,203)))))
    P.append(E(0x800,ip4(Bb,A,6,tcp(4078,40000,5031,1008,0x011,509,ts(204,103)))))
    P.append(E(0x800,ip4(A,Bb,6,tcp(40000,4078,1008,5032,0x010,502,ts(105,204)))))
    # misc flags
    for fl in (0x004,0x014,0x000,0x0c2,0x020,0x030,0x1ff,0x100,0x0ff):
        P.append(E(0x800,ip4(A,Bb,6,tcp(1,2,77,88,fl,10,urp=5))))
    # options
    for o in [b'\x05\x0a'+struct.pack('!II',1010,1020), b'\x00\x00\x00\x00', b'\x1e\x06\x00\x00\x00\x00', b'\x22\x04\xaa\xbb', b'\x13\x12'+b'\x11'*16, b'\xfe\x06\x01\x02\x03\x04', b'\x99\x04\x01\x02', b'\x02\x03\x05\x00', b'\x02\x09\0\0\0\0\0\0\0\0\0\0',b'\x05\x06\0\0\0\0\0\0']:
        P.append(E(0x800,ip4(A,Bb,6,tcp(40000,4078,1001,5001,0x010,502,o))))
    # bad hdr
    P.append(E(0x800,ip4(A,Bb,6,tcp(1,2,3,4,0x10,5)[:12]+b'\x30'+tcp(1,2,3,4,0x10,5)[13:])))
    P.append(E(0x800,ip4(A,Bb,6,tcp(1,2,3,4,0x10,5)[:12]+b'\xf0'+tcp(1,2,3,4,0x10,5)[13:])))
    t=E(0x800,ip4(A,Bb,6,tcp(40000,4078,1001,5001,0x018,502,ts(102,201),b'hello\n')))
    for n in (36,38,40,50,54,58,60,66,68): P.append((t[:n],len(t)))
    # ports with dissectors
    for p in (80,53,22,23,179,443):
        P.append(E(0x800,ip4(A,Bb,6,tcp(40000,p,1,2,0x18,5,b'',b'GET / HTTP/1.0\r\n\r\n'))))
    for p in (53,67,123,161,514,5353,4789,443,1900,500,520,137,69):
        P.append(E(0x800,ip4(A,Bb,17,udp(40000,p,b'\0'*20))))
    ALL.extend(P)
part_p2()

def part_p3():
    M1='02:00:00:00:00:01'; M2='02:00:00:00:00:02'
    P=[]
    E=lambda p: eth(M2,M1,0x86dd,p)
    S='2001:db8::1'; D='2001:db8::2'
    def ic6(t,c,rest,data=b''): return struct.pack('!BBH',t,c,0)+rest+data
    P.append(E(ip6(S,D,58,ic6(128,0,struct.pack('!HH',77,1),b'a'*56))))
    P.append(E(ip6(D,S,58,ic6(129,0,struct.pack('!HH',77,1),b'a'*56))))
    ll=b'\x01\x01'+bytes.fromhex('020000000001')
    P.append(E(ip6('fe80::1','ff02::1:ff00:2',58,ic6(135,0,b'\0'*4,a6('2001:db8::2')+ll),hlim=255)))
    P.append(E(ip6('2001:db8::2','2001:db8::1',58,ic6(136,0,b'\x60\0\0\0',a6('2001:db8::2')+b'\x02\x01'+bytes.fromhex('020000000002')),hlim=255)))
    P.append(E(ip6('2001:db8::2','2001:db8::1',58,ic6(136,0,b'\xe0\0\0\0',a6('2001:db8::2')),hlim=255)))
    P.append(E(ip6('fe80::1','ff02::2',58,ic6(133,0,b'\0'*4,ll))))
    P.append(E(ip6('fe80::1','ff02::1',58,ic6(134,0,struct.pack('!BBHII',64,0,1800,0,0),ll))))
    P.append(E(ip6('fe80::1','ff02::1',58,ic6(137,0,b'\0'*4,a6('2001:db8::9')+a6('fe80::9')))))
    inner=ip6(S,'2001:db8::99',17,udp(40000,4078,b'hi'))
    for c in range(0,8):
        P.append(E(ip6(D,S,58,ic6(1,c,b'\0'*4,inner))))
    P.append(E(ip6(D,S,58,ic6(2,0,struct.pack('!I',1280),inner))))
    P.append(E(ip6(D,S,58,ic6(3,0,b'\0'*4,inner))))
    P.append(E(ip6(D,S,58,ic6(3,1,b'\0'*4,inner))))
    P.append(E(ip6(D,S,58,ic6(4,0,struct.pack('!I',40),inner))))
    P.append(E(ip6(D,S,58,ic6(4,1,struct.pack('!I',40),inner))))
    P.append(E(ip6(D,S,58,ic6(4,2,struct.pack('!I',40),inner))))
    P.append(E(ip6(D,S,58,ic6(143,0,b'\0\0\0\0',b''))))
    P.append(E(ip6(D,S,58,ic6(130,0,b'\0\0\0\0',b'\0'*16))))
    P.append(E(ip6(D,S,58,ic6(131,0,b'\0\0\0\0',b'\0'*16))))
    P.append(E(ip6(D,S,58,ic6(200,0,b'\0\0\0\0',b'\0'*16))))
    P.append(E(ip6(D,S,58,ic6(100,0,b'\0\0\0\0',b'\0'*16))))
    # ext headers
    hbh=lambda nh: bytes([nh,0])+b'\x01\x04\0\0\0\0'
    P.append(E(ip6(S,D,0,hbh(17)+udp(1,2,b'abc'))))
    P.append(E(ip6(S,D,0,bytes([58,0])+b'\x05\x02\0\0\x01\x00'+ic6(143,0,b'\0\0\0\0'),hlim=1)))
    dst=lambda nh: bytes([nh,0])+b'\x01\x04\0\0\0\0'
    P.append(E(ip6(S,D,60,dst(6)+tcp(1,2,3,4,2,5))))
    rt=bytes([17,2,0,1,0,0,0,0])+a6('2001:db8::5')
    P.append(E(ip6(S,D,43,rt+udp(1,2,b'abc'))))
    P.append(E(ip6(S,D,44,bytes([17,0,0,0])+struct.pack('!I',1234)+udp(1,2,b'abc'))))
    P.append(E(ip6(S,D,44,bytes([17,0,0x01,0x01])+struct.pack('!I',1234)+b'abcdefgh')))
    P.append(E(ip6(S,D,44,bytes([17,0,0,1])+struct.pack('!I',1234)+udp(1,2,b'abc'))))
    P.append(E(ip6(S,D,59,b'')))
    P.append(E(ip6(S,D,59,b'xxxx')))
    P.append(E(ip6(S,D,17,udp(1,2,b'abc'))))
    P.append(E(ip6(S,D,6,tcp(40000,4078,1,0,2,100))))
    P.append(E(ip6(S,D,99,b'abcd')))
    P.append(E(ip6(S,D,17,udp(1,2,b'abc'),plen=100)))
    P.append(E(ip6(S,D,17,udp(1,2,b'abc'),plen=4)))
    P.append(E(ip6('::','ff02::16',0,bytes([58,0])+b'\x05\x02\0\0\x01\x00'+ic6(143,0,b'\0\0\0\1',bytes([4,0,0,0])+a6('ff02::1:ff00:1')),hlim=1)))
    P.append(E(ip6('::ffff:1.2.3.4','::1.2.3.4',17,udp(1,2,b'abc'))))
    P.append(E(ip6('fe80::1:0:0:1','2001:0:0:1::1',17,udp(1,2,b'abc'))))
    P.append(E(ip6('fe80::1:0:0:1','2001:0:0:1::1',4,ip4('1.2.3.4','5.6.7.8',17,udp(1,2,b'abc')))))
    P.append(eth(M2,M1,0x800,ip4('1.2.3.4','5.6.7.8',41,ip6(S,D,17,udp(1,2,b'abc')))))
    full=E(ip6(S,D,58,ic6(128,0,struct.pack('!HH',77,1),b'a'*56)))
    for n in (14,20,53,54,55,57,58,61,62,63):
        P.append((full[:n],len(full)))
    full=E(ip6(S,D,0,hbh(17)+udp(1,2,b'abc')))
    for n in (54,55,56,61,62,63,66,69,70):
        P.append((full[:n],len(full)))
    ALL.extend(P)
part_p3()

def part_p4():
    M1='02:00:00:00:00:01'; M2='02:00:00:00:00:02'
    P=[]
    E=lambda t,p: eth(M2,M1,t,p)
    A='10.0.1.0'; Bb='10.0.2.0'
    u=ip4(A,Bb,17,udp(1,2,b'abcdef'))
    for n in (20,21,22,23,24,27,28): P.append((E(0x800,u)[:14+n],14+len(u)))
    t=ip4(A,Bb,6,tcp(1,2,3,4,0x10,5))
    for n in (20,22,23,24,30,39): P.append((E(0x800,t)[:14+n],14+len(t)))
    P.append(E(0x800,b'\x65'+u[1:]))
    P.append(E(0x800,b'\x44'+u[1:]))
    P.append(E(0x800,b'\x60'+u[1:]))
    P.append(E(0x806,arp(5,M1,'10.0.1.0',M2,'10.0.1.0')))
    P.append(E(0x806,arp(1,M1,'10.0.1.0',M2,'10.0.1.0',htype=7,ptype=0x1234)))
    P.append(E(0x806,arp(1,M1,'10.0.1.0',M2,'10.0.1.0')[:8]))
    P.append(E(0x806,arp(1,M1,'10.0.1.0',M2,'10.0.1.0')[:7]))
    P.append(E(0x806,arp(2,M1,'10.0.1.0',M2,'10.0.1.0')[:27]))
    def ic6(t,c,rest,data=b''): return struct.pack('!BBH',t,c,0)+rest+data
    S='2001:db8::1'; D='2001:db8::2'
    P.append(eth(M2,M1,0x86dd,ip6(D,S,58,ic6(132,0,b'\0\0\0\0',b'\0'*16))))
    P.append(eth(M2,M1,0x86dd,ip6(D,S,58,ic6(3,2,b'\0\0\0\0',b'\0'*16))))
    P.append(eth(M2,M1,0x86dd,ip6(D,S,58,ic6(4,3,b'\0\0\0\0',b'\0'*16))))
    P.append(eth(M2,M1,0x86dd,ip6(D,S,60,bytes([17,0])+b'\x01\x04\0\0\0\0')))
    P.append(eth(M2,M1,0x86dd,ip6(D,S,60,bytes([17,0])+b'\x01\x04\0')))
    inner=ip6(S,'2001:db8::99',6,tcp(1,2,3,4,2,5))
    P.append(eth(M2,M1,0x86dd,ip6(D,S,58,ic6(1,4,b'\0'*4,inner))))
    inner=ip6(S,'2001:db8::99',58,b'\x80\0\0\0\0\0\0\0')
    P.append(eth(M2,M1,0x86dd,ip6(D,S,58,ic6(1,4,b'\0'*4,inner))))
    P.append(eth(M2,M1,0x86dd,b'\x40'+ip6(D,S,58,b'')[1:]))
    for c in (16,20):
      P.append(E(0x800,ip4('10.0.1.0','10.0.1.0',1,icmp(3,c,b'\0\0\0\0',u[:28]))))
    P.append(E(0x800,ip4('10.0.1.0','10.0.1.0',1,icmp(5,0,b'\x01\x02\x03\x04',u[:28]))))
    P.append(E(0x800,ip4('10.0.1.0','10.0.1.0',1,icmp(11,2,b'\0\0\0\0',u[:28]))))
    P.append(E(0x800,ip4('10.0.1.0','10.0.1.0',1,icmp(3,1,b'\0\0\0\0',u[:10]))))
    P.append(E(0x800,ip4('10.0.1.0','10.0.1.0',1,icmp(3,1,b'\0\0\0\0',b''))))
    P.append(E(0x800,ip4('10.0.1.0','10.0.1.0',1,icmp(8,0,b'\0\0\0\0',b''))[:14+20+4]))
    P.append(E(0x800,ip4('10.0.1.0','10.0.1.0',1,icmp(0,0,b'\0\0\0\0',b''))[:14+20+1]))
    ALL.extend(P)
part_p4()

def drop_known_differences(pkts):
    """Cases where nsviz deliberately prints its own generic line (tcpdump
    decodes more protocols, or hex-dumps): listed in README.md."""
    keep=[]
    for p in pkts:
        raw=p[0] if isinstance(p,tuple) else p
        if len(raw)==0: continue                       # tcpdump: no timestamp
        et=raw[12:14]
        if et in (b'\x12\x34',b'\x88\xcc') or (len(raw)>13 and raw[12]<6): continue
        if et==b'\x08\x00' and len(raw)>34:
            proto=raw[23]
            if proto==47: continue                     # GRE
            if proto==1 and raw[34] in (9,14): continue  # router advert, timestamp reply
            if proto in (6,17) and len(raw)>37:
                ports={int.from_bytes(raw[34:36],'big'),int.from_bytes(raw[36:38],'big')}
                if ports & {80,53,179,67,123,161,514,5353,4789,500,520,69}: continue
            if proto==6 and b'\x22\x04\xaa\xbb' in raw: continue   # TFO
        if et==b'\x86\xdd' and len(raw)>55 and raw[20]==58:
            t,c=raw[54],raw[55]
            if t in (100,200) or (t==1 and c>4): continue
        if et==b'\x08\x06' and len(raw)>21 and raw[21]==5: continue
        keep.append(p)
    return keep

def vlan_from(path):
    """802.1Q tags put into real frames (this kernel has no VLAN module)."""
    import struct as st
    d=open(path,'rb').read()
    out=[]; off=24; vid=100
    while off<len(d):
        s,u,cl,ol=st.unpack('<IIII',d[off:off+16]); fr=d[off+16:off+16+cl]; off+=16+cl
        tag=st.pack('!HH',0x8100,(3<<13)|vid)
        out.append((fr[:12]+tag+fr[12:], ol+4))
        vid+=1
    return out

write(os.path.join(HERE,'crafted.pcap'),drop_known_differences(ALL))
write(os.path.join(HERE,'vlan.pcap'),vlan_from(os.path.join(HERE,'tutorial-ping.pcap')))
