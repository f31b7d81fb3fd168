    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
c    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
d    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
=    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
q    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
u    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
i    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
"    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
d    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
i    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
f    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
f    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
u    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
i    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
"    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
c    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
S    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
=    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
q    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
u    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
i    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
"    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
u    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
p    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
p    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
"    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
-    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
-    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
S    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
d    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
d    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
m    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
C    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
D    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
F    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
h    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
u    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
g    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
h    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
f    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
A    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
b    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
m    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
w    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
i    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
z    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
d    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
S    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
g    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
u    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
7    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
.    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
1    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
.    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
2    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
6    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
|    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
|    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
<    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
1    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
.    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
5    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
-    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
7    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
.    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
c    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
f    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
u    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
c    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
i    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
p    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
h    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
i    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
x    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
c    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
z    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
=    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
m    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
h    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
.    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
b    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
x    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
/    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
m    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
h    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
.    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
q    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
2    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
c    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
=    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
1    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
/    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
1    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
+    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
0    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
.    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
3    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
2    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
7    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
5    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
9    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
1    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
1    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
*    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
z    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
c    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
y    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
=    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
1    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
-    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
1    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
.    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
0    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
6    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
1    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
4    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
0    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
5    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
4    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
2    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
9    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
*    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
-    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
1    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
.    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
4    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
5    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
3    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
1    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
5    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
2    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
0    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
2    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
7    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
*    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
+    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
1    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
.    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
4    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
2    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
1    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
4    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
1    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
3    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
7    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
4    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
1    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
*    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
-    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
0    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
.    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
2    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
8    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
4    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
4    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
9    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
6    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
7    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
3    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
6    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
*    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
+    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
0    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
.    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
2    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
5    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
4    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
8    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
2    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
9    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
5    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
9    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
2    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
*    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
*    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
m    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
h    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
.    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
x    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
p    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
-    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
z    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
*    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
z    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
u    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
x    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
>    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
=    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
0    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
d    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
0    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
.    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
5    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
*    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
1    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
+    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
y    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
0    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
.    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
5    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
*    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
1    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
-    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
y    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
d    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
d    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
c    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
i    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
b    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
"    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
P    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
h    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
i    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
x    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
4    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
x    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
3    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
2    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
-    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
1    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
0    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
"    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
f    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
u    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
c    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
i    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
i    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
"    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
m    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
c    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
h    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
h    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
R    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
d    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
m    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
1    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
2    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
3    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
k    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
w    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
-    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
w    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
v    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
c    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
"    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
f    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
u    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
c    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
i    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
.    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
m    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
{    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
0    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
x    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
6    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
6    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
2    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
7    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
8    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
d    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
5    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
0    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
x    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
1    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
6    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
9    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
c    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
5    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
8    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
d    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
0    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
x    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
b    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
c    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
5    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
7    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
c    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
4    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
c    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
0    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
x    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
9    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
b    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
0    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
0    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
d    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
b    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
d    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
8    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
}    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
d    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
.    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
p    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
h    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
i    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
x    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
4    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
x    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
3    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
2    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
_    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
1    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
0    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
{    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
0    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
0    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
0    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
0    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
}    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
{    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
0    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
0    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
}    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
.    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
m    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
{    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
0    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
x    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
4    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
0    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
8    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
f    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
2    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
7    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
6    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
d    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
0    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
x    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
4    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
1    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
c    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
8    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
3    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
b    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
0    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
0    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
x    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
2    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
0    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
b    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
c    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
7    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
c    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
6    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
0    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
x    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
6    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
d    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
5    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
4    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
5    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
1    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
f    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
d    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
}    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
d    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
.    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
p    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
h    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
i    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
x    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
4    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
x    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
3    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
2    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
_    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
1    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
0    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
{    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
0    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
x    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
f    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
f    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
f    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
f    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
f    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
f    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
f    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
f    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
0    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
x    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
f    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
f    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
f    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
f    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
f    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
f    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
f    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
f    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
0    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
x    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
f    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
f    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
f    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
f    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
f    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
f    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
f    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
f    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
0    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
x    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
f    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
f    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
f    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
f    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
f    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
f    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
f    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
f    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
}    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
{    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
0    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
x    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
f    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
f    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
f    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
f    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
f    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
f    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
f    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
f    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
0    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
x    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
f    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
f    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
f    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
f    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
f    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
f    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
f    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
f    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
}    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
.    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
m    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
{    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
0    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
x    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
d    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
1    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
6    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
c    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
f    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
0    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
9    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
0    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
x    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
9    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
4    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
f    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
d    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
c    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
c    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
b    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
0    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
x    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
5    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
0    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
0    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
1    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
4    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
2    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
0    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
0    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
x    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
2    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
4    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
1    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
2    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
6    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
1    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
}    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
d    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
.    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
p    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
h    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
i    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
x    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
4    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
x    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
3    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
2    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
_    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
1    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
0    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
{    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
0    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
x    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
2    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
4    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
3    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
f    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
6    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
8    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
8    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
0    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
x    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
8    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
5    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
3    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
0    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
8    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
d    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
3    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
0    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
x    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
1    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
3    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
1    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
9    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
8    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
2    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
0    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
x    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
0    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
3    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
7    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
0    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
7    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
3    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
4    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
4    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
}    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
{    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
0    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
x    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
4    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
0    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
9    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
3    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
8    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
2    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
2    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
0    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
x    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
2    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
9    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
9    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
f    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
3    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
1    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
d    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
0    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
}    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
d    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
d    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
d    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
c    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
i    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
b    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
"    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
g    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
"    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
f    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
u    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
c    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
i    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
i    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
"    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
m    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
p    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
i    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
i    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
h    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
m    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
w    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
h    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
v    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
h    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
b    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
c    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
h    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
i    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
z    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
"    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
f    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
u    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
c    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
i    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
c    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
b    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
i    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
g    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
=    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
d    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
.    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
g    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
4    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
2    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
:    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
d    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
{    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
8    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
1    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
4    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
4    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
}    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
c    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
m    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
=    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
d    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
.    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
g    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
4    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
2    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
:    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
d    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
{    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
3    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
1    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
4    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
4    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
}    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
.    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
m    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
m    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
:    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
c    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
1    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
3    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
:    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
b    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
b    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
i    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
g    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
:    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
c    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
1    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
3    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
:    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
b    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
.    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
m    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
m    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
:    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
c    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
1    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
1    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
:    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
b    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
b    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
i    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
g    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
:    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
c    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
1    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
1    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
:    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
b    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
-    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
-    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
d    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
g    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
m    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
p    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
x    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
d    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
h    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
c    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
g    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
h    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
=    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
d    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
.    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
g    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
9    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
:    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
d    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
{    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
2    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
1    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
0    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
0    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
0    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
}    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
d    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
.    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
g    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
9    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
:    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
d    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
{    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
2    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
1    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
0    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
}    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
.    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
m    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
h    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
:    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
c    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
1    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
2    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
:    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
b    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
g    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
:    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
c    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
1    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
2    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
:    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
w    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
1    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
1    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
1    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
0    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
:    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
b    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
d    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
i    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
"    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
i    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
p    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
d    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
u    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
c    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
i    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
b    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
d    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
c    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
h    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
d    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
w    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
i    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
w    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
"    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
f    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
u    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
c    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
i    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
c    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
1    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
2    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
=    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
d    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
.    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
g    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
5    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
d    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
.    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
g    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
5    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
c    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
1    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
2    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
=    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
1    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
:    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
d    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
{    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
4    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
4    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
}    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
2    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
:    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
d    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
{    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
4    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
4    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
}    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
.    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
m    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
1    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
:    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
b    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
2    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
:    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
b    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
c    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
b    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
1    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
=    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
1    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
:    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
d    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
{    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
4    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
4    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
}    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
.    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
_    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
.    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
m    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
1    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
:    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
b    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
b    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
1    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
:    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
b    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
.    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
q    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
u    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
2    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
1    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
:    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
d    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
w    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
2    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
:    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
d    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
w    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
0    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
.    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
m    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
1    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
:    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
b    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
2    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
:    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
d    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
{    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
4    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
4    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
}    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
:    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
b    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
.    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
_    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
.    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
m    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
1    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
:    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
b    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
d    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
.    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
g    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
6    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
:    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
d    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
{    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
4    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
4    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
}    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
:    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
b    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
c    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
c    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
=    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
1    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
:    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
c    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
.    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
m    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
c    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
:    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
d    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
{    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
3    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
}    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
:    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
b    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
1    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
:    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
d    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
{    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
3    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
}    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
:    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
b    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
.    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
q    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
u    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
5    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
1    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
:    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
d    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
d    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
i    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
"    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
f    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
i    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
x    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
i    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
i    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
g    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
i    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
p    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
c    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
"    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
f    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
u    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
c    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
i    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
c    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
=    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
d    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
.    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
z    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
{    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
2    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
5    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
}    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
c    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
=    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
d    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
.    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
g    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
3    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
.    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
q    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
u    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
:    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
d    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
.    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
m    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
d    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
.    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
g    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
3    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
:    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
d    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
{    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
2    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
5    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
}    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
:    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
b    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
:    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
b    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
d    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
i    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
"    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
m    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
v    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
u    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
p    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
m    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
m    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
"    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
f    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
u    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
c    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
i    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
c    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
=    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
2    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
0    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
0    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
0    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
0    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
0    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
c    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
x    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
=    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
d    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
.    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
g    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
1    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
2    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
3    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
4    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
:    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
d    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
{    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
}    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
c    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
m    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
=    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
x    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
:    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
m    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
c    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
c    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
d    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
=    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
x    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
-    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
m    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
c    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
v    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
=    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
c    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
d    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
*    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
c    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
d    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
:    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
m    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
c    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
k    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
w    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
=    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
c    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
d    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
*    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
c    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
d    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
*    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
c    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
d    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
:    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
m    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
/    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
v    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
^    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
1    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
.    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
5    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
c    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
k    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
u    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
=    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
c    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
d    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
:    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
q    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
u    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
:    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
q    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
u    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
:    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
m    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
/    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
v    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
^    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
2    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
-    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
-    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
c    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
b    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
u    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
4    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
d    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
d    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
.    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
i    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
_    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
u    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
m    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
h    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
.    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
b    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
m    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
<    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
4    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
/    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
m    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
h    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
.    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
q    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
"    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
m    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
"    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
.    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
.    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
m    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
.    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
i    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
_    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
u    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
m    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
h    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
.    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
b    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
v    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
-    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
1    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
<    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
4    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
*    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
m    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
h    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
.    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
q    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
2    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
/    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
"    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
v    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
i    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
c    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
"    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
.    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
.    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
v    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
.    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
i    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
_    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
u    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
m    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
h    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
.    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
b    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
k    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
w    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
<    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
4    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
*    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
m    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
h    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
.    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
q    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
6    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
/    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
"    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
k    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
w    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
"    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
.    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
.    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
k    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
w    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
.    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
i    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
_    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
u    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
m    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
h    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
.    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
b    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
k    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
u    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
-    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
3    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
<    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
4    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
*    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
m    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
h    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
.    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
q    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
2    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
4    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
/    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
"    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
k    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
u    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
i    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
"    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
.    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
.    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
k    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
u    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
d    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
i    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
"    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
m    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
v    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
u    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
p    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
K    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
m    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
g    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
v    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
-    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
S    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
m    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
i    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
v    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
"    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
f    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
u    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
c    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
i    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
c    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
=    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
2    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
0    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
0    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
0    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
0    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
c    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
v    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
=    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
d    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
.    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
g    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
7    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
7    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
:    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
d    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
{    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
}    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
:    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
b    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
b    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
.    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
v    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
c    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
d    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
m    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
x    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
=    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
0    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
f    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
i    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
=    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
1    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
d    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
c    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
f    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
=    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
p    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
h    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
i    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
v    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
[    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
i    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
]    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
d    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
m    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
x    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
=    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
m    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
h    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
.    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
m    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
x    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
d    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
m    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
x    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
m    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
h    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
.    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
b    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
f    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
-    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
i    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
-    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
1    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
/    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
m    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
h    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
.    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
b    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
i    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
/    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
-    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
f    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
d    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
-    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
-    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
c    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
i    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
i    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
c    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
v    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
u    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
h    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
1    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
%    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
v    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
:    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
1    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
.    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
6    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
2    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
8    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
/    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
q    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
.    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
i    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
_    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
u    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
d    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
m    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
x    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
<    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
1    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
.    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
6    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
2    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
8    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
/    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
m    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
h    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
.    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
q    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
"    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
K    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
S    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
i    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
i    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
c    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
"    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
.    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
.    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
d    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
m    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
x    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
d    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
i    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
"    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
u    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
i    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
f    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
m    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
v    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
u    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
i    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
i    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
[    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
0    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
1    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
w    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
i    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
h    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
h    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
i    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
g    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
h    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
m    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
d    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
p    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
d    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
"    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
f    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
u    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
c    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
i    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
c    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
u    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
=    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
d    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
.    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
g    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
8    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
:    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
d    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
{    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
1    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
0    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
0    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
0    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
0    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
0    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
}    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
.    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
i    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
_    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
u    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
u    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
:    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
m    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
i    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
>    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
=    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
0    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
d    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
u    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
:    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
m    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
x    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
<    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
1    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
.    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
0    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
.    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
5    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
u    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
:    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
m    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
0    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
.    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
0    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
0    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
5    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
.    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
1    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
/    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
1    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
2    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
u    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
:    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
v    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
0    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
.    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
0    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
0    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
2    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
d    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
i    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
"    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
d    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
i    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
c    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
v    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
[    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
h    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
i    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
]    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
i    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
c    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
u    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
i    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
v    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
d    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
h    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
i    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
g    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
"    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
f    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
u    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
c    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
i    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
c    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
=    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
d    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
.    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
g    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
2    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
:    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
d    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
i    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
-    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
2    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
3    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
{    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
6    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
0    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
0    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
0    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
}    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
c    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
c    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
u    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
=    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
{    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
}    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
f    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
_    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
v    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
i    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
i    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
p    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
i    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
:    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
b    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
d    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
.    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
q    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
u    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
m    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
h    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
.    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
f    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
v    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
v    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
c    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
u    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
[    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
v    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
]    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
=    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
c    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
u    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
[    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
v    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
]    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
0    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
+    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
1    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
d    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
f    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
k    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
=    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
-    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
2    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
3    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
d    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
.    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
i    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
_    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
u    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
c    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
u    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
[    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
k    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
]    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
>    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
8    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
5    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
0    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
d    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
c    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
u    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
[    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
k    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
]    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
<    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
1    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
1    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
5    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
0    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
"    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
c    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
u    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
f    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
"    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
.    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
.    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
k    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
d    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
r    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
.    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
q    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
u    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
6    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
0    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
0    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
0    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
S    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
.    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
f    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
l    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
a    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
(    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
{    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
c    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
u    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
[    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
-    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
2    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
]    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
c    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
u    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
[    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
-    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
1    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
]    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
c    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
u    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
[    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
0    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
]    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
c    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
u    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
[    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
1    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
]    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
c    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
u    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
[    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
2    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
]    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
,    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
c    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
u    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
[    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
3    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
]    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
}    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
[    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
1    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
]    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
+    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
c    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
u    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
[    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
-    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
1    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
]    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
+    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
c    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
u    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
[    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
0    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
]    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
+    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
c    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
u    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
[    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
1    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
]    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
+    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
c    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
u    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
[    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
2    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
]    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
+    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
c    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
o    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
u    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
t    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
s    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
[    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
3    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
]    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
     local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
d    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
e    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
n    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
d    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
)    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)

    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total)
