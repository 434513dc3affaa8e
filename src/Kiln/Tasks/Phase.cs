namespace Kiln.Tasks;

/// <summary>The 13 phases of a build, in the order they run (bootstrap-vz's phases).</summary>
public enum Phase
{
    Validation,
    Preparation,
    VolumeCreation,
    VolumePreparation,
    VolumeMounting,
    OsInstallation,
    PackageInstallation,
    SystemModification,
    UserModification,
    SystemCleaning,
    VolumeUnmounting,
    ImageRegistration,
    Cleaning,
}
