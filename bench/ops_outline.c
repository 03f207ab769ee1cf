/* ops_outline.c — see ops_outline.h.  Each returns 0 on success, 1 when
 * the arguments are out of range (nothing written then). */
#include "ops_outline.h"

int raw_sub(raw_view v, size_t off, size_t len, raw_view *out)
{
    if (off > v.len || len > v.len - off)
        return 1;
    out->data = v.data + off;
    out->len = len;
    out->stride = 1;
    out->readonly = v.readonly;
    out->released = false;
    out->owner = v.owner;
    return 0;
}

int raw_advance(raw_view *v, size_t n)
{
    if (n > v->len)
        return 1;
    v->data += n;
    v->len -= n;
    return 0;
}

int raw_get(raw_view v, ptrdiff_t index, uint8_t *out)
{
    if (index < 0)
        index += (ptrdiff_t)v.len;
    if (index < 0 || (size_t)index >= v.len)
        return 1;
    *out = (uint8_t)v.data[index];
    return 0;
}

int raw_set(raw_view v, ptrdiff_t index, uint8_t value)
{
    if (index < 0)
        index += (ptrdiff_t)v.len;
    if (index < 0 || (size_t)index >= v.len)
        return 1;
    v.data[index] = (char)value;
    return 0;
}

/* Python's clamping of one bound of a step-1 slice. */
static ptrdiff_t clamp_bound(ptrdiff_t x, ptrdiff_t n)
{
    if (x < 0) {
        x += n;
        return x < 0 ? 0 : x;
    }
    return x > n ? n : x;
}

int raw_slice(raw_view v, ptrdiff_t start, ptrdiff_t stop, raw_view *out)
{
    ptrdiff_t a = clamp_bound(start, (ptrdiff_t)v.len);
    ptrdiff_t b = clamp_bound(stop, (ptrdiff_t)v.len);
    size_t count = b > a ? (size_t)(b - a) : 0;
    out->data = count > 0 ? v.data + a : NULL;
    out->len = count;
    out->stride = 1;
    out->readonly = v.readonly;
    out->released = false;
    out->owner = v.owner;
    return 0;
}

int raw_read_be32(raw_view *cur, uint32_t *out)
{
    if (cur->len < 4)
        return 1;
    const unsigned char *q = (const unsigned char *)cur->data;
    *out = (uint32_t)q[0] << 24 | (uint32_t)q[1] << 16 | (uint32_t)q[2] << 8 | (uint32_t)q[3];
    cur->data += 4;
    cur->len -= 4;
    return 0;
}
