/**
 * Read-only access to Hugging Face Hub repositories (datasets and models) over the Hub's HTTP API, with a
 * configurable endpoint for mirrors; OpenDAL's own huggingface service cannot be pointed anywhere but
 * {@code https://huggingface.co}.
 */
package dev.stowage.fileio.huggingface;
