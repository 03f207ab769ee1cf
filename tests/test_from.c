/*
 * test_from.c — making views (mv_from, mv_from_const), reading their shape
 * (mv_len, mv_readonly, mv_contiguous, mv_stride, mv_data, mv_is_valid) and
 * mv_strerror.
 */
#include "mv_test.h"
#include "mv_model.h"

/* Every status, in declaration order. */
static const mv_status all_statuses[] = {
    MV_OK, MV_EINVAL, MV_ERANGE, MV_EOVERFLOW, MV_EREADONLY, MV_ENOTCONTIG, MV_ENOTFOUND,
    MV_EBUSY, MV_ERELEASED, MV_ENOMEM, MV_EAGAIN, MV_ECLOSED, MV_ESYS,
};
#define N_STATUSES (sizeof all_statuses / sizeof all_statuses[0])

static void strerror_every_status_has_its_own_text(void)
{
    for (size_t i = 0; i < N_STATUSES; i++) {
        const char *s = mv_strerror(all_statuses[i]);
        if (!CHECK(s != NULL))
            continue;
        CHECK(strlen(s) > 0);
        for (size_t j = 0; j < i; j++)
            CHECK(strcmp(s, mv_strerror(all_statuses[j])) != 0);
    }
}

static void strerror_unknown_values_are_not_null(void)
{
    /* Values outside the enum reach the function through casts from int. */
    const int unknown[] = { -1, (int)N_STATUSES, 100, INT32_MIN, INT32_MAX };
    for (size_t i = 0; i < sizeof unknown / sizeof unknown[0]; i++) {
        const char *s = mv_strerror((mv_status)unknown[i]);
        if (CHECK(s != NULL))
            CHECK(strlen(s) > 0);
    }
}

/* Both constructors behave the same apart from the read-only flag. */
typedef mv_status (*maker)(uint8_t *p, size_t n, mv_view *out);

static mv_status make_writable(uint8_t *p, size_t n, mv_view *out)
{
    return mv_from(p, n, out);
}

static mv_status make_readonly(uint8_t *p, size_t n, mv_view *out)
{
    return mv_from_const(p, n, out);
}

static const struct {
    maker make;
    bool readonly;
} makers[] = { { make_writable, false }, { make_readonly, true } };

static void from_lengths_0_1_and_more(void)
{
    uint8_t buf[40];
    mvt_pattern(buf, sizeof buf);
    const size_t lens[] = { 0, 1, 2, 39, 40 };
    for (size_t k = 0; k < 2; k++) {
        for (size_t i = 0; i < sizeof lens / sizeof lens[0]; i++) {
            mv_view v;
            MVT_FILL(v);
            if (!CHECK_ST(makers[k].make(buf, lens[i], &v), MV_OK))
                continue;
            mvt_model m;
            mvt_model_whole(&m, lens[i]);
            CHECK_VIEW(v, buf, &m);
            CHECK_EQ(mv_readonly(v), makers[k].readonly);
            CHECK(mv_contiguous(v));
            CHECK_EQ(mv_stride(v), 1);
        }
    }
}

static void from_null_with_zero_length_is_an_empty_view(void)
{
    for (size_t k = 0; k < 2; k++) {
        mv_view v;
        MVT_FILL(v);
        if (!CHECK_ST(makers[k].make(NULL, 0, &v), MV_OK))
            continue;
        CHECK_EQU(mv_len(v), 0);
        CHECK_PTR(mv_data(v), NULL);
        CHECK(mv_is_valid(v));
        CHECK(mv_contiguous(v));
        CHECK_EQ(mv_readonly(v), makers[k].readonly);
    }
}

/* A non-NULL pointer with n == 0 still gives an empty view with no item 0. */
static void from_pointer_with_zero_length_has_no_data(void)
{
    uint8_t byte = 1;
    for (size_t k = 0; k < 2; k++) {
        mv_view v;
        MVT_FILL(v);
        if (CHECK_ST(makers[k].make(&byte, 0, &v), MV_OK)) {
            CHECK_EQU(mv_len(v), 0);
            CHECK_PTR(mv_data(v), NULL);
            CHECK(mv_is_valid(v));
        }
    }
}

static void from_failures_leave_out_untouched(void)
{
    uint8_t byte = 0;
    const struct {
        uint8_t *p;
        size_t n;
        mv_status want;
    } cases[] = {
        { NULL, 1, MV_EINVAL },
        { NULL, SIZE_MAX, MV_EINVAL },                /* NULL is checked before the length */
        { NULL, (size_t)PTRDIFF_MAX + 1, MV_EINVAL },
        { &byte, (size_t)PTRDIFF_MAX + 1, MV_EOVERFLOW },
        { &byte, SIZE_MAX, MV_EOVERFLOW },
    };
    for (size_t k = 0; k < 2; k++) {
        for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
            mv_view v;
            MVT_FILL(v);
            CHECK_ST(makers[k].make(cases[i].p, cases[i].n, &v), cases[i].want);
            CHECK_SENTINEL(&v, sizeof v);
        }
    }
}

static void from_null_out_is_einval(void)
{
    uint8_t byte = 0;
    for (size_t k = 0; k < 2; k++) {
        CHECK_ST(makers[k].make(&byte, 1, NULL), MV_EINVAL);
        CHECK_ST(makers[k].make(NULL, 0, NULL), MV_EINVAL);
        CHECK_ST(makers[k].make(NULL, 5, NULL), MV_EINVAL);
        /* NULL out comes before the length check. */
        CHECK_ST(makers[k].make(&byte, SIZE_MAX, NULL), MV_EINVAL);
    }
}

/* The longest view the library accepts.  No memory that large exists: the
 * view is only measured here, never read, so the one real byte behind it
 * is enough. */
static void from_ptrdiff_max_is_the_longest_length(void)
{
    uint8_t byte = 0;
    for (size_t k = 0; k < 2; k++) {
        mv_view v;
        MVT_FILL(v);
        if (!CHECK_ST(makers[k].make(&byte, (size_t)PTRDIFF_MAX, &v), MV_OK))
            continue;
        CHECK_EQU(mv_len(v), (size_t)PTRDIFF_MAX);
        CHECK_PTR(mv_data(v), &byte);
        CHECK_EQ(mv_stride(v), 1);
        CHECK(mv_is_valid(v));
    }
}

static void from_writable_and_const_share_the_bytes(void)
{
    uint8_t buf[3] = { 1, 2, 3 };
    mv_view w = mvt_from(buf, 3), r = mvt_from_const(buf, 3);
    if (CHECK_ST(mv_set(w, 1, 200), MV_OK)) {
        uint8_t got = 0;
        CHECK_ST(mv_get(r, 1, &got), MV_OK);
        CHECK_EQ(got, 200);
    }
    CHECK_ST(mv_set(r, 1, 7), MV_EREADONLY);
    CHECK_EQ(buf[1], 200);
}

static void accessors_of_a_released_view(void)
{
    uint8_t buf[4] = { 0 };
    mv_view views[3] = { mvt_from(buf, 4), mvt_from_const(buf, 4), mvt_slice(mvt_from(buf, 4), 3, MV_OMIT, -2) };
    for (size_t i = 0; i < 3; i++) {
        mv_view v = views[i];
        if (!CHECK_ST(mv_release(&v), MV_OK))
            continue;
        CHECK_EQU(mv_len(v), 0);
        CHECK_EQ(mv_stride(v), 0);
        CHECK_PTR(mv_data(v), NULL);
        CHECK(!mv_readonly(v));
        CHECK(!mv_contiguous(v));
        CHECK(mv_is_valid(v));
    }
}

static void accessors_of_strided_views(void)
{
    uint8_t buf[10];
    mvt_pattern(buf, sizeof buf);
    mv_view v = mvt_from(buf, 10);
    mv_view odd = mvt_slice(v, 1, MV_OMIT, 2);   /* 1 3 5 7 9 */
    mv_view back = mvt_slice(v, MV_OMIT, MV_OMIT, -1);
    mv_view one = mvt_slice(v, 4, 5, 3);        /* one item, step 3 */
    CHECK_EQU(mv_len(odd), 5);
    CHECK_EQ(mv_stride(odd), 2);
    CHECK(!mv_contiguous(odd));
    CHECK_PTR(mv_data(odd), buf + 1);
    CHECK_EQ(mv_stride(back), -1);
    CHECK(!mv_contiguous(back));
    CHECK_PTR(mv_data(back), buf + 9);
    CHECK(mv_contiguous(one));
    CHECK_EQU(mv_len(one), 1);
    CHECK_PTR(mv_data(one), buf + 4);
    CHECK(!mv_readonly(odd));
    CHECK(mv_readonly(mvt_readonly(odd)));
}

/* mv_is_valid must reject shapes no library function makes.  The fields
 * are set directly: the only way a caller could make such a view. */
static void is_valid_rejects_impossible_shapes(void)
{
    uint8_t buf[4] = { 0 };
    mv_view good = mvt_from(buf, 4);
    CHECK(mv_is_valid(good));

    mv_view bad = good;
    bad.stride = 0;
    CHECK(!mv_is_valid(bad));

    bad = good;
    bad.len = (size_t)PTRDIFF_MAX + 1;
    CHECK(!mv_is_valid(bad));

    bad = good;
    bad.data = NULL; /* len 4 with no item 0 */
    CHECK(!mv_is_valid(bad));

    bad = good;
    bad.len = 0; /* empty view that claims an item 0 */
    CHECK(!mv_is_valid(bad));

    bad = good;
    bad.released = true; /* released with items */
    CHECK(!mv_is_valid(bad));

    bad = good;
    bad.len = 3;
    bad.stride = PTRDIFF_MIN; /* (len - 1) * stride overflows */
    CHECK(!mv_is_valid(bad));

    bad = good;
    bad.len = 3;
    bad.stride = PTRDIFF_MAX / 2 + 1; /* 2 * stride > PTRDIFF_MAX */
    CHECK(!mv_is_valid(bad));

    mv_view edge = good;
    edge.len = 3;
    edge.stride = PTRDIFF_MAX / 2; /* 2 * stride fits: a valid shape */
    CHECK(mv_is_valid(edge));
    edge.stride = -(PTRDIFF_MAX / 2);
    CHECK(mv_is_valid(edge));
}

static const mvt_case cases[] = {
    MVT(strerror_every_status_has_its_own_text),
    MVT(strerror_unknown_values_are_not_null),
    MVT(from_lengths_0_1_and_more),
    MVT(from_null_with_zero_length_is_an_empty_view),
    MVT(from_pointer_with_zero_length_has_no_data),
    MVT(from_failures_leave_out_untouched),
    MVT(from_null_out_is_einval),
    MVT(from_ptrdiff_max_is_the_longest_length),
    MVT(from_writable_and_const_share_the_bytes),
    MVT(accessors_of_a_released_view),
    MVT(accessors_of_strided_views),
    MVT(is_valid_rejects_impossible_shapes),
};

MVT_MAIN(cases)
