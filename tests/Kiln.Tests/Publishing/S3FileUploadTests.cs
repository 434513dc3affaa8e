using Amazon.S3;
using Amazon.S3.Model;
using Kiln.Publishing;
using Kiln.Publishing.S3;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using Polly;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Publishing;

public sealed class S3FileUploadTests : IDisposable
{
    private static readonly string[] ETags = ["\"e1\"", "\"e2\"", "\"e3\""];

    private readonly IAmazonS3 _s3 = Substitute.For<IAmazonS3>();
    private readonly string _file = Path.GetTempFileName();

    public S3FileUploadTests()
    {
        // Sparse: 2.5 parts without writing them.
        using (var stream = File.OpenWrite(_file))
        {
            stream.SetLength((S3FileUpload.PartSize * 5) / 2);
        }

        _s3.InitiateMultipartUploadAsync(Arg.Any<InitiateMultipartUploadRequest>(), Arg.Any<CancellationToken>()).Returns(new InitiateMultipartUploadResponse { UploadId = "u1" });
        _s3.UploadPartAsync(Arg.Any<UploadPartRequest>(), Arg.Any<CancellationToken>()).Returns(call => new UploadPartResponse { ETag = $"\"e{call.Arg<UploadPartRequest>().PartNumber}\"" });
        _s3.CompleteMultipartUploadAsync(Arg.Any<CompleteMultipartUploadRequest>(), Arg.Any<CancellationToken>()).Returns(new CompleteMultipartUploadResponse());
    }

    [Fact]
    public async Task A_large_image_goes_up_in_parts_signed_whole_and_is_completed_with_their_etags()
    {
        var reports = new List<TransferProgress>();

        await new S3FileUpload(_s3, ResiliencePipeline.Empty).UploadAsync("b", "k", _file, new SynchronousProgress(reports.Add), CancellationToken.None);

        var parts = _s3.ReceivedCalls().Where(c => c.GetMethodInfo().Name == nameof(IAmazonS3.UploadPartAsync)).Select(c => (UploadPartRequest)c.GetArguments()[0]!).ToList();
        parts.Select(p => (p.PartNumber, p.FilePosition, p.PartSize)).ShouldBe([(1, 0L, S3FileUpload.PartSize), (2, S3FileUpload.PartSize, S3FileUpload.PartSize), (3, 2 * S3FileUpload.PartSize, S3FileUpload.PartSize / 2)]);
        parts.ShouldAllBe(p => !p.UseChunkEncoding && p.UploadId == "u1");
        await _s3.Received(1).CompleteMultipartUploadAsync(Arg.Is<CompleteMultipartUploadRequest>(r => r.UploadId == "u1" && r.PartETags.Select(e => e.ETag).SequenceEqual(ETags)), Arg.Any<CancellationToken>());
        reports.Last().Percent.ShouldBe(100);
    }

    [Fact]
    public async Task A_failed_part_aborts_the_upload()
    {
        _s3.UploadPartAsync(Arg.Is<UploadPartRequest>(r => r.PartNumber == 2), Arg.Any<CancellationToken>()).ThrowsAsync(new AmazonS3Exception("broken"));

        await Should.ThrowAsync<AmazonS3Exception>(() => new S3FileUpload(_s3, ResiliencePipeline.Empty).UploadAsync("b", "k", _file, new SynchronousProgress(_ => { }), CancellationToken.None));

        await _s3.Received(1).AbortMultipartUploadAsync(Arg.Is<AbortMultipartUploadRequest>(r => r.UploadId == "u1" && r.Key == "k"), Arg.Any<CancellationToken>());
        await _s3.DidNotReceive().CompleteMultipartUploadAsync(Arg.Any<CompleteMultipartUploadRequest>(), Arg.Any<CancellationToken>());
    }

    public void Dispose() => File.Delete(_file);

    private sealed class SynchronousProgress(Action<TransferProgress> report) : IProgress<TransferProgress>
    {
        public void Report(TransferProgress value) => report(value);
    }
}
