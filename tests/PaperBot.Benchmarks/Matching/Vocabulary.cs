namespace PaperBot.Benchmarks.Matching;

/// <summary>Word lists for synthetic papers and subscriptions, written for this benchmark (no real abstracts).</summary>
internal static class Vocabulary
{
    public static readonly string[] Function = Split("""
        the of and a to in we for is on that with by this as are our from which an be can these it its at or into
        than both while not also such over between each more has have been their when where how only under using
        via through across all most however thus then without within show shows here first new two three while
        """);

    public static readonly string[] Generic = Split("""
        method methods approach results propose proposed performance paper task tasks novel framework experiments
        demonstrate existing based training trained data dataset datasets benchmark benchmarks evaluation evaluate
        state art improve improves improved significant significantly outperforms baseline baselines problem problems
        analysis study studies work works large small efficient effective simple general robust accurate
        prior recent code available release released achieve achieves compared comparison setting settings
        """);

    /// <summary>Technical words, most general first: papers draw from them Zipf-style, subscriptions skip the head.</summary>
    public static readonly string[] Technical = Split("""
        model models learning neural network networks language deep transformer attention image training inference
        generation representation reinforcement diffusion graph vision reasoning llm llms agent agents policy
        optimization retrieval embedding embeddings token tokens fine tuning pretraining pretrained multimodal video
        speech audio text segmentation detection classification regression clustering generative adversarial
        contrastive supervised unsupervised semi self few shot zero prompt prompting instruction alignment preference
        reward feedback human evaluation hallucination factuality safety robustness privacy federated differential
        quantization pruning distillation compression sparsity mixture experts routing scaling law laws emergent
        context window memory cache kv decoding speculative sampling beam search planning tool use code program
        synthesis theorem proving mathematical math arithmetic chain thought tree verifier verification critic
        autoregressive masked encoder decoder bert gpt llama mistral qwen gemma vit clip resnet unet convolutional
        recurrent lstm gru state space mamba ssm linear kernel gaussian process bayesian variational inference
        posterior prior uncertainty calibration conformal prediction causal counterfactual intervention fairness bias
        debiasing interpretability explainability mechanistic circuits probing neurons features sparse autoencoder
        steering editing knowledge factual recall question answering summarization translation multilingual
        lowresource dialogue conversational chatbot recommendation recommender ranking reranking dense lexical
        hybrid index indexing vector database nearest neighbor approximate hashing quantized product
        point cloud lidar depth estimation stereo optical flow pose tracking slam navigation manipulation robot
        robotic grasping locomotion humanoid legged embodied simulation sim real transfer domain adaptation
        generalization shift outofdistribution anomaly novelty continual lifelong catastrophic forgetting meta
        curriculum active semisupervised weak weakly label noise noisy annotation crowdsourcing synthetic augmentation
        mixup cutmix dropout normalization layer batch residual skip connection initialization optimizer adam sgd
        momentum learning rate schedule warmup convergence theory bound bounds generalization sample complexity
        regret bandit bandits markov decision offline online imitation inverse actor critic value function qlearning
        exploration exploitation multiagent cooperative competitive game theoretic equilibrium auction mechanism
        protein molecule molecular drug discovery chemistry materials crystal genomics single cell medical clinical
        radiology pathology ehr health diagnosis segmentation mri ct ultrasound satellite remote sensing climate
        weather forecasting time series temporal spatiotemporal traffic trajectory physics informed pde operator
        fourier neural operator solver simulation surrogate scientific discovery symbolic regression equation
        watermarking watermark jailbreak jailbreaking adversarial attack attacks defense backdoor poisoning membership
        unlearning copyright detection deepfake forensics steganography authentication
        tabular spreadsheet table sql query queries semantic parsing entity linking relation extraction ner
        ontology knowledge graph graphs link node nodes edge message passing gnn gnns hypergraph heterogeneous
        temporal dynamic spectral geometric equivariant invariant symmetry manifold hyperbolic topological
        nerf gaussian splatting rendering 3d reconstruction mesh texture avatar animation motion editing inpainting
        superresolution denoising deblurring restoration compression codec streaming latency throughput serving
        gpu tpu hardware accelerator kernel kernels fpga parallelism distributed pipeline tensor sharding checkpoint
        benchmarking leaderboard arena judge judging preference dpo rlhf ppo grpo verifiable rewards long horizon
        agentic workflow orchestration browser web gui screen mobile android os computer use api function calling
        """);

    public static readonly string[] FirstNames = Split("""
        Geoffrey Yann Yoshua Fei Andrew Daphne Ian Demis Ilya Oriol Alex Kaiming Ross Piotr Jitendra Trevor Pieter
        Sergey Chelsea Percy Christopher Diyi Noah Yejin Luke Mike Dan Jacob Jason Quoc Jeff Samy Kyunghyun Hugo
        Sara Maria Anna Elena Wei Li Ming Xin Yu Hao Jun Lei Chen Priya Arjun Rahul Aisha Fatima Omar Lukas Jonas
        Sofia Camille Louis Mateo Lucia Kenji Yuki Haruto Min Seo Ji Tomas Ines Nora Emil
        """);

    public static readonly string[] LastNames = Split("""
        Hinton LeCun Bengio Li Ng Koller Goodfellow Hassabis Sutskever Vinyals Krizhevsky He Girshick Dollar Malik
        Darrell Abbeel Levine Finn Liang Manning Yang Smith Choi Zettlemoyer Lewis Jurafsky Devlin Wei Le Dean
        Bengio Cho Larochelle Hooker Garcia Rossi Muller Schmidt Wang Zhang Liu Chen Huang Zhao Wu Zhou Xu Sun
        Kumar Sharma Patel Gupta Singh Khan Ahmed Hassan Nakamura Tanaka Suzuki Kim Park Lee Novak Silva Santos
        Dubois Martin Bernard Rousseau Fischer Weber Meyer Wagner Becker Kowalski Nowak Horvath Jensen Larsen
        Johansson Andersson Nielsen Ivanova Petrov Popescu Costa Ferreira Lopez Gonzalez Rodriguez Hernandez Tulu
        """);

    public static readonly string[] Categories = Split("""
        cs.LG cs.CL cs.CV cs.AI stat.ML cs.RO cs.IR cs.NE cs.CR cs.SE cs.HC cs.DC cs.MA eess.AS eess.IV cs.SD q-bio.QM physics.comp-ph math.OC cs.DB
        """);

    public static readonly string[] Sources = ["arxiv", "huggingface", "arxiv-rss"];

    private static string[] Split(string words) =>
        words.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
