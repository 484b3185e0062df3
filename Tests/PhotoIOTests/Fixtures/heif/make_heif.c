// Test-fixture generator (not part of the package build): encodes raw interleaved samples from
// stdin through libheif's encoder API, for what heif-enc 1.15 cannot write: an nclx colour
// description in a colr box (its --colour_primaries/--transfer_characteristic/--matrix_coefficients
// options are not written to the file) and an irot/imir orientation. See SOURCE.md.
//
//   cc make_heif.c $(pkg-config --cflags --libs libheif) -o make_heif
//   ./make_heif OUT W H CHANNELS BITS ORIENTATION PRIMARIES TRANSFER MATRIX LOSSLESS [avif] < samples
//
// CHANNELS 3 or 4; BITS 8, or 10 with 16-bit big-endian input samples (scaled v >> 6);
// ORIENTATION is the EXIF value libheif turns into irot/imir; PRIMARIES/TRANSFER/MATRIX are
// ITU-T H.273 code points; LOSSLESS 1 for lossless 4:4:4, else 0 (quality 90, 4:2:0).
#include <libheif/heif.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int check(struct heif_error error, const char *what) {
  if (error.code == heif_error_Ok) return 0;
  fprintf(stderr, "make_heif: %s: %s\n", what, error.message);
  return 1;
}

int main(int argc, char **argv) {
  if (argc < 11) {
    fprintf(stderr, "usage: make_heif OUT W H CHANNELS BITS ORIENTATION PRIMARIES TRANSFER MATRIX LOSSLESS [avif]\n");
    return 2;
  }
  int width = atoi(argv[2]), height = atoi(argv[3]), channels = atoi(argv[4]), bits = atoi(argv[5]);
  int orientation = atoi(argv[6]), lossless = atoi(argv[10]);
  int avif = argc > 11 && strcmp(argv[11], "avif") == 0;
  size_t bytes = (size_t)width * height * channels * (bits > 8 ? 2 : 1);
  unsigned char *in = malloc(bytes);
  if (in == NULL || fread(in, 1, bytes, stdin) != bytes) {
    fprintf(stderr, "make_heif: expected %zu bytes on stdin\n", bytes);
    return 1;
  }
  enum heif_chroma chroma = bits > 8 ? (channels == 4 ? heif_chroma_interleaved_RRGGBBAA_LE : heif_chroma_interleaved_RRGGBB_LE)
                                     : (channels == 4 ? heif_chroma_interleaved_RGBA : heif_chroma_interleaved_RGB);
  struct heif_image *image = NULL;
  if (check(heif_image_create(width, height, heif_colorspace_RGB, chroma, &image), "create")) return 1;
  if (check(heif_image_add_plane(image, heif_channel_interleaved, width, height, bits), "plane")) return 1;
  int stride = 0;
  uint8_t *plane = heif_image_get_plane(image, heif_channel_interleaved, &stride);
  for (int y = 0; y < height; y++) {
    for (int i = 0; i < width * channels; i++) {
      size_t k = (size_t)y * width * channels + i;
      if (bits > 8) {
        unsigned v = ((unsigned)in[2 * k] << 8 | in[2 * k + 1]) >> 6;  // 16 → 10 bits
        plane[y * stride + 2 * i] = (uint8_t)(v & 0xFF);
        plane[y * stride + 2 * i + 1] = (uint8_t)(v >> 8);
      } else {
        plane[y * stride + i] = in[k];
      }
    }
  }
  struct heif_color_profile_nclx *nclx = heif_nclx_color_profile_alloc();
  heif_nclx_color_profile_set_color_primaries(nclx, (uint16_t)atoi(argv[7]));
  heif_nclx_color_profile_set_transfer_characteristics(nclx, (uint16_t)atoi(argv[8]));
  heif_nclx_color_profile_set_matrix_coefficients(nclx, (uint16_t)atoi(argv[9]));
  nclx->full_range_flag = 1;
  if (check(heif_image_set_nclx_color_profile(image, nclx), "nclx")) return 1;

  struct heif_context *context = heif_context_alloc();
  struct heif_encoder *encoder = NULL;
  if (check(heif_context_get_encoder_for_format(context, avif ? heif_compression_AV1 : heif_compression_HEVC, &encoder),
            "encoder"))
    return 1;
  if (lossless) {
    heif_encoder_set_lossless(encoder, 1);
    heif_encoder_set_parameter(encoder, "chroma", "444");
  } else {
    heif_encoder_set_lossy_quality(encoder, 90);
  }
  struct heif_encoding_options *options = heif_encoding_options_alloc();
  options->output_nclx_profile = nclx;
  options->macOS_compatibility_workaround_no_nclx_profile = 0;  // Write the nclx colr box for HEVC too.
  options->image_orientation = (enum heif_orientation)orientation;
  if (check(heif_context_encode_image(context, image, encoder, options, NULL), "encode")) return 1;
  if (check(heif_context_write_to_file(context, argv[1]), "write")) return 1;
  heif_encoding_options_free(options);
  heif_nclx_color_profile_free(nclx);
  heif_encoder_release(encoder);
  heif_image_release(image);
  heif_context_free(context);
  free(in);
  return 0;
}
