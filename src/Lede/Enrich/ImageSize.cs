using System.Runtime.InteropServices;

namespace Lede.Enrich;

/// <summary>What an image's header says: its format and its pixel size as stored.</summary>
/// <remarks>JPEG sizes are as stored: an EXIF orientation of 5–8 (rotated 90°) is not applied, so width and height may be swapped compared with how a browser shows the image.</remarks>
[StructLayout(LayoutKind.Auto)]
public readonly record struct ImageSize(ImageFormat Format, int Width, int Height)
{
    /// <summary>Width × height, without overflow.</summary>
    public long Pixels => (long)Width * Height;
}
