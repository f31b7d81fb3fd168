/* Statistics of feature sets for sample-quality metrics: the Fréchet distance
 * between the Gaussians fitted to two sets (Heusel et al. 2017's FID when the
 * features come from Inception; here from any feature extractor). Everything
 * is in double; matrix square roots come from LAPACK's symmetric eigensolver
 * (dsyevd, part of OpenBLAS), run on one thread so that a distance does not
 * depend on the thread count (a threaded dsyevd splits its sums by it). */
#include <math.h>
#include <omp.h>
#include <stdlib.h>
#include <string.h>

#include "stats.h"

void dsyevd_(const char *jobz, const char *uplo, const int *n, double *a, const int *lda, double *w,
             double *work, const int *lwork, int *iwork, const int *liwork, int *info);

/* Eigen-decomposition of the symmetric d x d matrix a (overwritten by the
 * eigenvectors, as columns in column-major = rows here, since a is symmetric). */
static int eigh(double *a, double *w, int d) {
  int lwork = -1, liwork = -1, info = 0, iw;
  double wq;
  dsyevd_("V", "U", &d, a, &d, w, &wq, &lwork, &iw, &liwork, &info);
  if (info)
    return info;
  lwork = (int)wq;
  liwork = iw;
  double *work = malloc(sizeof(double) * (size_t)lwork);
  int *iwork = malloc(sizeof(int) * (size_t)liwork);
  if (!work || !iwork) {
    info = -1000;
  } else { /* the OpenMP build of OpenBLAS threads by omp_get_max_threads() */
    int saved = omp_get_max_threads();
    omp_set_num_threads(1);
    dsyevd_("V", "U", &d, a, &d, w, work, &lwork, iwork, &liwork, &info);
    omp_set_num_threads(saved);
  }
  free(work);
  free(iwork);
  return info;
}

/* c = a @ b for d x d row-major matrices (d is a feature size: small) */
static void matmul(double *c, const double *a, const double *b, int d) {
  for (int i = 0; i < d; i++)
    for (int j = 0; j < d; j++) {
      double s = 0;
      for (int k = 0; k < d; k++)
        s += a[i * d + k] * b[k * d + j];
      c[i * d + j] = s;
    }
}

/* mean (d) and unbiased covariance (d x d) of the n rows of x; row: d doubles of scratch */
static void moments(const dt_tensor *x, double *mean, double *cov, double *row) {
  int64_t n = x->shape[0], d = x->shape[1];
  memset(mean, 0, sizeof(double) * (size_t)d);
  memset(cov, 0, sizeof(double) * (size_t)(d * d));
  for (int64_t i = 0; i < n; i++)
    for (int64_t j = 0; j < d; j++)
      mean[j] += x->data[i * d + j];
  for (int64_t j = 0; j < d; j++)
    mean[j] /= (double)n;
  for (int64_t i = 0; i < n; i++) {
    for (int64_t j = 0; j < d; j++)
      row[j] = x->data[i * d + j] - mean[j];
    for (int64_t j = 0; j < d; j++)
      for (int64_t k = j; k < d; k++)
        cov[j * d + k] += row[j] * row[k];
  }
  for (int64_t j = 0; j < d; j++)
    for (int64_t k = j; k < d; k++)
      cov[k * d + j] = cov[j * d + k] /= (double)(n - 1);
}

dt_status dt_frechet_distance(const dt_tensor *a, const dt_tensor *b, double *out, dt_err *err) {
  if (a->ndim != 2 || b->ndim != 2 || a->shape[1] != b->shape[1])
    return dt_fail(err, DT_EARG, "feature sets must be N x D and M x D with the same D");
  if (a->shape[0] < 2 || b->shape[0] < 2)
    return dt_fail(err, DT_EARG, "each feature set needs at least 2 rows");
  if (!dt_all_finite(a) || !dt_all_finite(b))
    return dt_fail(err, DT_EARG, "features hold NaN or inf");
  int d = (int)a->shape[1];
  size_t dd = (size_t)d * (size_t)d;
  double *buf = malloc(sizeof(double) * (5 * dd + 5 * (size_t)d));
  if (!buf)
    return dt_fail(err, DT_ENOMEM, "out of memory for %d x %d covariances", d, d);
  double *ca = buf, *cb = ca + dd, *root = cb + dd, *m = root + dd, *tmp = m + dd;
  double *ma = tmp + dd, *mb = ma + d, *w = mb + d, *sc = w + d, *row = sc + d;
  moments(a, ma, ca, row);
  moments(b, mb, cb, row);
  dt_status st = DT_OK;
  /* root = ca^(1/2) = V diag(sqrt w) V^T */
  memcpy(root, ca, sizeof(double) * dd);
  if (eigh(root, w, d)) {
    st = dt_fail(err, DT_EARG, "the eigensolver did not converge");
    goto done;
  }
  for (int i = 0; i < d; i++)
    sc[i] = sqrt(w[i] > 0 ? w[i] : 0);
  /* LAPACK is column-major: the eigenvectors are root's rows here, so
   * V = root^T and V diag(sqrt w) V^T = (root^T diag(sqrt w)) @ root */
  for (int i = 0; i < d; i++)
    for (int j = 0; j < d; j++)
      tmp[i * d + j] = root[j * d + i] * sc[j];
  matmul(m, tmp, root, d);
  memcpy(root, m, sizeof(double) * dd);
  /* m = root cb root, symmetric PSD: tr sqrt(ca cb) = sum sqrt(eig(m)) */
  matmul(tmp, root, cb, d);
  matmul(m, tmp, root, d);
  for (int i = 0; i < d; i++) /* symmetric up to rounding: make it exactly so */
    for (int j = i + 1; j < d; j++)
      m[i * d + j] = m[j * d + i] = 0.5 * (m[i * d + j] + m[j * d + i]);
  if (eigh(m, w, d)) {
    st = dt_fail(err, DT_EARG, "the eigensolver did not converge");
    goto done;
  }
  double dist = 0, tr_sqrt = 0;
  for (int i = 0; i < d; i++) {
    dist += (ma[i] - mb[i]) * (ma[i] - mb[i]) + ca[i * d + i] + cb[i * d + i];
    tr_sqrt += sqrt(w[i] > 0 ? w[i] : 0);
  }
  *out = dist - 2 * tr_sqrt;
done:
  free(buf);
  return st;
}
